package ai.voxworks.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README is a front door: short, one click from every guide under docs/, and every link in it
 * and in the guides leads somewhere (a file that exists, a heading that is there).
 */
class GuidesTest {

    private static final Path ROOT = Path.of(System.getProperty("voxworks.fixtures.dir")).getParent();
    private static final Pattern LINK = Pattern.compile("(?<!!)\\[[^\\]]*\\]\\(([^)\\s]+)\\)|!\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    @Test
    void theReadmeIsShortAndLinksEveryGuide() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));

        assertThat(readme.lines().count()).as("README.md lines").isLessThan(250);
        try (Stream<Path> guides = Files.list(ROOT.resolve("docs"))) {
            List<String> names = guides.map(g -> g.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList();
            assertThat(names).hasSizeGreaterThanOrEqualTo(7);
            for (String name : names) {
                assertThat(readme).as("the README links docs/%s", name).contains("](docs/" + name + ")");
            }
        }
    }

    @Test
    void everyLinkInTheReadmeAndTheGuidesLeadsToAFileAndAHeadingThatExist() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> guides = Files.list(ROOT.resolve("docs"))) {
            guides.filter(g -> g.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            Matcher m = LINK.matcher(withoutCode(Files.readString(page)));
            while (m.find()) {
                String target = m.group(1) != null ? m.group(1) : m.group(2);
                if (target.matches("[a-z]+:.*")) {
                    continue;  // http(s), mailto: not followed here
                }
                checked++;
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path dest = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(dest)) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such file)");
                } else if (anchor != null && !anchors(dest).contains(anchor)) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(checked).isGreaterThan(30);
        assertThat(broken).isEmpty();
    }

    /** GitHub's anchors for the headings of a Markdown file (outside code blocks). */
    private static Set<String> anchors(Path page) {
        if (!page.toString().endsWith(".md")) {
            return Set.of();
        }
        Set<String> anchors = new TreeSet<>();
        try {
            for (String line : withoutCode(Files.readString(page)).split("\n")) {
                Matcher h = Pattern.compile("^#{1,6} (.*)$").matcher(line);
                if (h.find()) {
                    anchors.add(h.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^\\w\\- ]", "").replace(' ', '-'));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return anchors;
    }

    /** The page without its fenced code blocks, whose brackets and hashes are not links or headings. */
    private static String withoutCode(String markdown) {
        StringBuilder out = new StringBuilder();
        boolean code = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                code = !code;
                continue;
            }
            if (!code) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
