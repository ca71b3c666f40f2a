package io.keyaccount.platform.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a business entity whose changes are not written to the audit trail: machine bookkeeping that no user
 * edits (a notification being read, a delivery being attempted), where an audit row per change would only bury
 * the changes people make.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Unaudited {

}
