package ai.voxworks.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BaseUrlsTest {

    @Test
    void aBaseUrlLosesItsTrailingSlashesAndSpaces() {
        assertThat(BaseUrls.check(" https://api.voxworks.ai// ")).isEqualTo("https://api.voxworks.ai");
        assertThat(BaseUrls.check("http://127.0.0.1:4010/")).isEqualTo("http://127.0.0.1:4010");
    }

    @Test
    void aPasswordIsNeverRepeatedEvenInAUrlThatDoesNotParse() {
        assertThatThrownBy(() -> BaseUrls.check("https://u:s3cret@api.example/?q=1"))
                .hasMessage("the URL holds a user name or password; give the URL without it, and the API key in VOXWORKS_API_KEY");
        assertThatThrownBy(() -> BaseUrls.check("https://u:s3cret@api example"))
                .hasMessageStartingWith("'https://…@api example' is not a URL (")
                .message().doesNotContain("s3cret");
    }

    @Test
    void eachOtherFlawIsNamed() {
        assertThatThrownBy(() -> BaseUrls.check("ftp://files.example")).hasMessage(
                "'ftp://files.example' is not an http or https URL, such as https://api.voxworks.ai");
        assertThatThrownBy(() -> BaseUrls.check("http://127.0.0.1:0")).hasMessage("'http://127.0.0.1:0' has port 0; a port is 1 to 65535");
        assertThatThrownBy(() -> BaseUrls.check("https://api.example/#top")).hasMessage(
                "'https://api.example/#top' has a fragment (#top); give the server's base URL alone");
        assertThatThrownBy(() -> BaseUrls.check("https://api.example?k=1")).hasMessage(
                "'https://api.example?k=1' has a query (?k=1); give the server's base URL alone");
    }
}
