package ai.voxworks.mock.junit5;

import static ai.voxworks.mock.junit5.RequestPattern.getCall;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Two keys of one team that mask alike cannot be told apart in the journal: verify says so rather than guess. */
@VoxworksMockTest(fixturesDir = "src/test/fixtures/alike")
class KeysThatMaskAlikeTest {

    @Test
    void aKeyThatMasksLikeAnotherOfItsTeamIsRefusedSayingWhy(VoxworksMock mock) {
        mock.client("vx_test_alike_first_key_9999").getCall("call_alike_1");

        assertThatThrownBy(() -> mock.verify(1, getCall("call_alike_1").withKey("vx_test_alike_other_key_9999")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("withKey(vx_test_…9999): team_alike has another key that is vx_test_…9999 masked too, and the "
                        + "journal keeps keys masked only, so it cannot tell the two apart; give the keys of a team 20 "
                        + "characters or more, and different first 8 or last 4")
                .hasMessageNotContaining("alike_first").hasMessageNotContaining("alike_other");
    }
}
