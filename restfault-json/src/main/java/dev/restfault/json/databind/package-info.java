/**
 * {@link RestfaultModule}: the model types for a user's Jackson 3 {@code JsonMapper}. Needs
 * {@code tools.jackson.databind} at run time.
 */
package dev.restfault.json.databind;
