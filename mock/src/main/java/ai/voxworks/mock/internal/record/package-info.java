/** Not API: see {@link ai.voxworks.mock.internal}. How {@link ai.voxworks.mock.Recorder} records calls. */
package ai.voxworks.mock.internal.record;
