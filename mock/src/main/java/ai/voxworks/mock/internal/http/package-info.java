/** Not API: see {@link ai.voxworks.mock.internal}. */
package ai.voxworks.mock.internal.http;
