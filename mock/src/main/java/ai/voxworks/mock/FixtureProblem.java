package ai.voxworks.mock;

/**
 * One thing wrong with the fixtures: which file, where in it (a JSON pointer, {@code ""} for the
 * whole document, or a line and column for unreadable JSON) and why.
 *
 * @param file    the file, as the user would find it (a path, or {@code fixtures/...} for the bundled copy)
 * @param pointer where in the file
 * @param reason  what is wrong, in one sentence
 */
public record FixtureProblem(String file, String pointer, String reason) {

    @Override
    public String toString() {
        return file + ": " + (pointer.isEmpty() ? "(document)" : pointer) + ": " + reason;
    }
}
