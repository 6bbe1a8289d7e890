package ai.voxworks.conformance;

/**
 * The {@code Authorization} a request carries, how output shows it (the token masked), and how a
 * replayed request writes it (a secret token as the variable that holds it).
 *
 * @param header the header value sent; {@code null} for no header
 * @param shown  what output prints instead
 * @param replay the header value as a shell word for {@code curl -H}, already quoted; {@code null} for no header
 */
record Credentials(String header, String shown, String replay) {

    static final Credentials NONE = new Credentials(null, "(no Authorization header)", null);

    /** {@code Bearer} and a secret token, replayed as {@code "Authorization: Bearer $VARIABLE"}. */
    static Credentials bearer(String token, String variable) {
        return scheme("Bearer", token, variable);
    }

    /** {@code SCHEME token}; an empty token shows as {@code (empty)}. */
    static Credentials scheme(String scheme, String token, String variable) {
        String replay = variable == null || token.isEmpty() ? Exchange.quote("Authorization: " + scheme + " " + token)
                : "\"Authorization: " + scheme + " $" + variable + "\"";
        return new Credentials(scheme + " " + token, scheme + " " + (token.isEmpty() ? "(empty)" : Target.mask(token)), replay);
    }

    /** A made-up token, no secret: replayed as it is. */
    static Credentials literal(String scheme, String token) {
        return scheme(scheme, token, null);
    }

    @Override
    public String toString() {
        return shown;
    }
}
