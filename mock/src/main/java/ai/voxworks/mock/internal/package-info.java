/**
 * Not API: how the mock server is built. Everything here may change in any release; use
 * {@link ai.voxworks.mock.MockServer} and the other types of {@code ai.voxworks.mock}.
 */
package ai.voxworks.mock.internal;
