package ai.voxworks.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A call, as {@code GET /api/v1/get-call/{call_id}} returns it. Every field of the spec's
 * {@code Call}; any of them may be {@code null} (the spec requires none), date-times are
 * {@link OffsetDateTime}, and fields the spec does not document are kept in {@link #extra()}.
 *
 * @param id             call id
 * @param teamId         {@code team_id}
 * @param contactId      {@code contact_id}
 * @param scriptId       {@code script_id}
 * @param type           e.g. {@code outbound}
 * @param status         e.g. {@code scheduled}, {@code in-progress}, {@code completed}
 * @param progress       what an in-progress call is doing
 * @param scheduledTime  {@code scheduled_time}
 * @param actualTime     {@code actual_time}
 * @param endTime        {@code end_time}
 * @param duration       seconds
 * @param endReason      {@code end_reason}
 * @param callSummary    {@code call_summary}
 * @param structuredData {@code structured_data}: what the call extracted
 * @param transcript     the conversation
 * @param recordingUrl   {@code recording_url}
 * @param objectives     each objective with its outcome
 * @param extra          undocumented fields, by JSON name
 * @param json           the call object exactly as the server sent it
 */
public record Call(
        String id,
        String teamId,
        String contactId,
        String scriptId,
        String type,
        String status,
        String progress,
        OffsetDateTime scheduledTime,
        OffsetDateTime actualTime,
        OffsetDateTime endTime,
        Long duration,
        String endReason,
        String callSummary,
        Map<String, Object> structuredData,
        String transcript,
        String recordingUrl,
        List<Map<String, Object>> objectives,
        Map<String, Object> extra,
        String json) {
}
