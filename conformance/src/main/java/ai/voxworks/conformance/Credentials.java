package ai.voxworks.conformance;

/**
 * The {@code Authorization} a request carries, and how output shows it (the token masked).
 *
 * @param header the header value sent; {@code null} for no header
 * @param shown  what output prints instead
 */
record Credentials(String header, String shown) {

    static final Credentials NONE = new Credentials(null, "(no Authorization header)");

    static Credentials bearer(String token) {
        return scheme("Bearer", token);
    }

    /** {@code SCHEME token}; an empty token shows as {@code (empty)}. */
    static Credentials scheme(String scheme, String token) {
        return new Credentials(scheme + " " + token, scheme + " " + (token.isEmpty() ? "(empty)" : Target.mask(token)));
    }

    @Override
    public String toString() {
        return shown;
    }
}
