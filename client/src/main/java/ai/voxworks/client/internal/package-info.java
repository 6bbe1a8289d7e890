/**
 * Not API: the helpers every module of the toolkit shares, kept here because every module may
 * depend on the client and the client on nothing of ours. One of each: API-key checks and masking
 * ({@link ai.voxworks.client.internal.ApiKeys}), the base URL rule of the tools
 * ({@link ai.voxworks.client.internal.BaseUrls}), {@code Retry-After}
 * ({@link ai.voxworks.client.internal.RetryAfter}), retry backoff
 * ({@link ai.voxworks.client.internal.Backoff}), path segments
 * ({@link ai.voxworks.client.internal.PathSegments}), the duration grammar of every flag and
 * attribute ({@link ai.voxworks.client.internal.Durations}), the names of the rate-limit fields
 * ({@link ai.voxworks.client.internal.RateLimitFields}), which statuses end a call
 * ({@link ai.voxworks.client.internal.CallStatuses}) and how fast to poll a moving call
 * ({@link ai.voxworks.client.internal.Pacing}). The waiting seam every retry loop shares is
 * public: {@link ai.voxworks.client.Sleeper}.
 *
 * <p>Public only so that the toolkit's other modules can use them, as {@code okhttp3.internal} is;
 * anything here may change in any release.
 */
package ai.voxworks.client.internal;
