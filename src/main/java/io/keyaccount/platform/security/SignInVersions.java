package io.keyaccount.platform.security;

import java.io.Serializable;

/**
 * A user's {@code rights_version} and {@code sign_in_version} (V32). A session holds the pair it was signed in
 * with: a newer rights version makes it reload the user's rights, a newer sign-in version ends it.
 */
record SignInVersions(long rights, long signIn) implements Serializable {
}
