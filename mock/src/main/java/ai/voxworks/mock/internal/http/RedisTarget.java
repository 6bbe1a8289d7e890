package ai.voxworks.mock.internal.http;

/**
 * A Redis server that replicas share their buckets in, as {@code MockServer} hands it over.
 *
 * @param url      the URL without credentials: what logs, errors and {@code /__mock/health} show
 * @param username an ACL user, or {@code null}
 * @param password the password, or {@code null}; never shown
 */
public record RedisTarget(String host, int port, int database, String username, String password, String url) {

    @Override
    public String toString() {
        return url;
    }
}
