package ai.voxworks.mock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.voxworks.mock.RecordedRequest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestJournalTest {

    private static RecordedRequest entry(String id) {
        return new RecordedRequest(Instant.EPOCH, "GET", "/api/v1/get-call/" + id, 200, null, null, 0.1, null);
    }

    @Test
    void aSlotClaimedButNotYetFilledIsSkippedNotReadAsTheEntryOfARingAgo() {
        RequestJournal journal = new RequestJournal(2, Map::of);
        for (String id : new String[] {"c0", "c1", "c2"}) {
            journal.store(journal.claim(), entry(id));
        }
        long late = journal.claim();  // a request still being recorded: its slot holds c1's entry

        assertThat(journal.newestFirst()).extracting(RecordedRequest::path).containsExactly("/api/v1/get-call/c2");

        journal.store(late, entry("c3"));
        assertThat(journal.newestFirst()).extracting(RecordedRequest::path)
                .containsExactly("/api/v1/get-call/c3", "/api/v1/get-call/c2");
    }
}
