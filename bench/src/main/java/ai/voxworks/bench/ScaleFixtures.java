package ai.voxworks.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a fixtures directory with {@code N} valid calls spread over the bundled teams:
 * {@code ScaleFixtures DIR N}. Ids are {@code call_s_<n>} so a load generator can pick them at random.
 */
public final class ScaleFixtures {

    private ScaleFixtures() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Path calls = dir.resolve("calls");
        Files.createDirectories(calls);
        Files.writeString(dir.resolve("teams.json"), """
                {"teams": [
                  {"id": "team_northwind", "name": "Northwind Dental Group",
                   "api_keys": ["vx_test_northwind_primary_7f3a9c", "vx_test_northwind_ops_2b8e41"]},
                  {"id": "team_bluebird", "name": "Bluebird Realty", "api_keys": ["vx_test_bluebird_5d0c6a"]}
                ]}
                """);
        for (int i = 1; i <= count; i++) {
            String id = "call_s_" + i;
            // Most calls belong to the key the load generator uses, the rest to the other team.
            String team = i % 10 == 0 ? "team_bluebird" : "team_northwind";
            Files.writeString(calls.resolve(id + ".json"), """
                    {"id": "%s", "team_id": "%s", "contact_id": "contact_%d", "script_id": "script_recall_v3",
                     "type": "outbound", "status": "completed", "progress": null,
                     "scheduled_time": "2026-11-20T14:00:00Z", "actual_time": "2026-11-20T14:00:07Z",
                     "end_time": "2026-11-20T14:03:31Z", "duration": %d, "end_reason": "customer-ended-call",
                     "call_summary": "Patient %d confirmed the appointment and asked for a text reminder.",
                     "structured_data": {"appointment_confirmed": true, "reminder_channel": "sms"},
                     "transcript": "AI: Hi, this is Ava from Northwind Dental. Is now a good time?\\nUser: Yes.\\nAI: I'm calling to confirm your cleaning on Tuesday at 9:30.\\nUser: That works, thanks.",
                     "recording_url": "https://recordings.voxworks.example/%s.mp3",
                     "objectives": [{"name": "confirm_appointment", "achieved": true}]}
                    """.formatted(id, team, i, 60 + i % 400, i, id));
        }
        System.out.println("wrote " + count + " calls to " + dir);
    }
}
