/**
 * The shared kernel every business module builds on: tenancy, persistence base types, organisation,
 * security and data scopes, audit trail, recycle bin, the web layout, i18n and formatting, and the API
 * conventions. It is an open module: other modules may use its sub-packages directly.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.keyaccount.platform;
