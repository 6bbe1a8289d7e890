package ai.voxworks.client;

import ai.voxworks.client.internal.CallStatuses;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A call, as {@code GET /api/v1/get-call/{call_id}} returns it. Every field of the spec's
 * {@code Call}; any of them may be {@code null} (the spec requires none), date-times are
 * {@link OffsetDateTime}, and fields the spec does not document are kept in {@link #extra()}.
 *
 * <p>Immutable all the way down: {@link #structuredData()}, {@link #objectives()} and
 * {@link #extra()} are unmodifiable, and so is every map and list inside them (the constructor
 * copies what it is given). In them JSON objects are {@code Map<String, Object>}, arrays
 * {@code List<Object>}, numbers {@code Integer}, {@code Long}, {@code BigInteger} or
 * {@code Double}.
 *
 * <p>These components are the client's only list of the documented fields: each one but
 * {@code extra} and {@code json} is read from the JSON field of its name in snake_case, by its
 * type. A field the spec adds is one component here.
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
 * @param objectives     each objective with its outcome, one {@code Map} per objective
 * @param extra          undocumented fields, by JSON name; never {@code null}
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

    public Call {
        structuredData = JsonValues.freeze(structuredData);
        objectives = JsonValues.freeze(objectives);
        extra = extra == null ? Map.of() : JsonValues.freeze(extra);
    }

    /**
     * Whether the call is over, which is what {@link VoxworksClient#awaitCall(String)} waits for: its
     * status is {@code completed}, {@code no-answer}, {@code failed}, {@code voicemail}, {@code busy} or
     * {@code canceled}; or it is a status other than {@code scheduled}, {@code queued}, {@code ringing}
     * and {@code in-progress} (one the API may add) and the call has an {@code end_time}.
     */
    public boolean ended() {
        return CallStatuses.ended(status, endTime != null);
    }
}
