package ai.voxworks.mock.internal.record;

import ai.voxworks.client.internal.CallStatuses;
import ai.voxworks.client.internal.Durations;
import ai.voxworks.client.internal.Pacing;
import ai.voxworks.mock.FixtureProblem;
import ai.voxworks.mock.RecordingSummary;
import ai.voxworks.mock.Team;
import ai.voxworks.mock.internal.fixtures.FixtureWriter;
import ai.voxworks.mock.internal.fixtures.TimelineWriter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code record --follow}: asks for each call until it ends and writes the stages it saw as the
 * call's timeline ({@link TimelineWriter}), each stage checked and redacted as a recorded call is.
 * The calls are asked for in turn, each at the pace {@link Pacing} sets (quick while it changes,
 * slower while it does not), and never faster than the rate-limit budget the last answer showed;
 * a 429 all the same is waited out as {@code Retry-After} asks ({@link Fetcher}). A call first seen
 * ended is written as a plain call; one that has not ended by the deadline is not written, since a
 * timeline ends with the call's end.
 */
final class Following {

    /** One call being followed: the stages seen, and when to ask again. */
    private static final class Followed {
        final String id;
        final String label;
        final List<ObjectNode> stages = new ArrayList<>();
        final List<Duration> times = new ArrayList<>();
        Recording.Prepared last;
        String lastJson;
        Instant first;
        Instant due;
        Duration interval = Pacing.FIRST;

        Followed(String id, String label, Instant due) {
            this.id = id;
            this.label = label;
            this.due = due;
        }

        /** When a stage seen at {@code seen} began, after the first: whole seconds, unless that would not move forward. */
        Duration time(Instant seen) {
            Duration elapsed = Duration.between(first, seen);
            Duration before = times.isEmpty() ? null : times.get(times.size() - 1);
            for (ChronoUnit unit : new ChronoUnit[] {ChronoUnit.SECONDS, ChronoUnit.MILLIS}) {
                Duration at = elapsed.truncatedTo(unit);
                if (before == null || at.compareTo(before) > 0) {
                    return at;
                }
            }
            return before.plusMillis(1);
        }
    }

    private final Recording recording;
    private final Recording.Settings settings;
    private final Consumer<String> progress;
    private final FixtureWriter writer;
    private final Fetcher fetcher;
    private final Clock clock;

    Following(Recording recording, Recording.Settings settings, Consumer<String> progress, FixtureWriter writer,
              Fetcher fetcher) {
        this.recording = recording;
        this.settings = settings;
        this.progress = progress;
        this.writer = writer;
        this.fetcher = fetcher;
        this.clock = settings.clock();
    }

    RecordingSummary run(List<String> ids) {
        recording.notes(ids, writer, "Following");
        progress.accept("each until it ends, for at most " + Durations.format(settings.followTimeout())
                + "; the stages seen become its timeline");
        Instant start = clock.instant();
        Instant deadline = start.plus(settings.followTimeout());
        List<Followed> pending = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            pending.add(new Followed(ids.get(i), "[" + (i + 1) + "/" + ids.size() + "] " + ids.get(i), start));
        }
        Map<String, Object> outcomes = new LinkedHashMap<>();
        List<Team> newTeams = new ArrayList<>();
        Set<String> matched = new HashSet<>();
        boolean redactedAny = false;
        Instant allowed = start;
        String stop = null;
        while (!pending.isEmpty() && stop == null) {
            Followed next = pending.stream().min(Comparator.comparing(f -> f.due)).orElseThrow();
            Instant at = next.due.isAfter(allowed) ? next.due : allowed;
            if (at.isAfter(deadline)) {
                for (Followed f : pending) {
                    skip(outcomes, f, "did not end within " + Durations.format(settings.followTimeout()) + " (last seen "
                            + (f.last == null ? "never" : describe(f.last.checked())) + "); a timeline ends with the call's"
                            + " end, so it was not written (--follow-timeout waits longer)");
                }
                pending.clear();
                break;
            }
            try {
                Duration wait = Duration.between(clock.instant(), at);
                if (!wait.isNegative() && !wait.isZero()) {
                    settings.sleeper().sleep(wait);
                }
                Fetched fetched = fetcher.fetch(next.id);
                Instant seen = clock.instant();
                if (fetched instanceof Fetched.Stop halt) {
                    stop = halt.reason();
                    skip(outcomes, next, halt.reason());
                    pending.remove(next);
                    continue;
                }
                if (fetched instanceof Fetched.Skip skipped) {
                    skip(outcomes, next, skipped.reason());
                    pending.remove(next);
                    continue;
                }
                Fetched.Body body = (Fetched.Body) fetched;
                allowed = seen.plus(Pacing.next(Duration.ZERO, Optional.ofNullable(body.rateLimit())));
                if (!body.callJson().equals(next.lastJson)) {
                    Recording.Prepared prepared = recording.prepare(writer, next.id, body.callJson(), matched);
                    redactedAny |= prepared.redactionChecked();
                    if (prepared.redacted() == null) {
                        skip(outcomes, next, prepared.notSaved());
                        pending.remove(next);
                        continue;
                    }
                    if (next.first == null) {
                        next.first = seen;
                    }
                    Duration time = next.time(seen);
                    next.stages.add(prepared.redacted());
                    next.times.add(time);
                    next.last = prepared;
                    next.lastJson = body.callJson();
                    next.interval = Pacing.FIRST;
                    progress.accept(next.label + (next.stages.size() == 1 ? "" : " +" + Durations.format(time)) + ": "
                            + describe(prepared.checked()));
                } else {
                    next.interval = Pacing.slower(next.interval);
                }
                if (ended(next.last.checked())) {
                    Recording.Outcome outcome = write(next, newTeams);
                    if (outcome.saved() != null) {
                        outcomes.put(next.id, outcome.saved());
                        RecordingSummary.Saved s = outcome.saved();
                        progress.accept(next.label + ": saved " + settings.outputDir().relativize(s.file()) + " (" + s.teamId()
                                + (s.stages() == 0 ? ", already ended when first seen" : ", a timeline of " + s.stages()
                                + " stages over " + Durations.format(next.times.get(next.times.size() - 1))) + ")");
                    } else {
                        skip(outcomes, next, outcome.notSaved());
                    }
                    pending.remove(next);
                } else {
                    next.due = seen.plus(next.interval);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop = "interrupted";
            } catch (IOException e) {
                stop = "cannot write to " + settings.outputDir() + ": " + e.getMessage();
                skip(outcomes, next, stop);
                pending.remove(next);
            }
        }
        for (Followed f : pending) {
            skip(outcomes, f, "not finished: the recording stopped");
        }
        List<RecordingSummary.Saved> saved = new ArrayList<>();
        List<RecordingSummary.Skipped> skipped = new ArrayList<>();
        for (String id : ids) {
            Object outcome = outcomes.get(id);
            if (outcome instanceof RecordingSummary.Saved s) {
                saved.add(s);
            } else if (outcome instanceof RecordingSummary.Skipped s) {
                skipped.add(s);
            }
        }
        return recording.summary(saved, skipped, newTeams, matched, redactedAny, stop);
    }

    /** The call's stages as a timeline, or the one stage seen as a plain call; checked as the mock loads it. */
    private Recording.Outcome write(Followed call, List<Team> newTeams) throws IOException {
        if (call.stages.size() == 1) {
            return recording.write(writer, call.id, call.stages.get(0), call.last, 0, newTeams);
        }
        ObjectNode document = TimelineWriter.document(call.stages, call.times);
        List<FixtureProblem> problems = new ArrayList<>();
        if (!writer.check(document, call.id, problems)) {
            return Recording.Outcome.not("its stages do not make a timeline the mock loads: " + problems.get(0).pointer()
                    + ": " + problems.get(0).reason(), true);
        }
        return recording.write(writer, call.id, document, call.last, call.stages.size(), newTeams);
    }

    private void skip(Map<String, Object> outcomes, Followed call, String reason) {
        String scrubbed = recording.scrub(reason);
        outcomes.put(call.id, new RecordingSummary.Skipped(call.id, scrubbed));
        progress.accept(call.label + ": not saved: " + scrubbed);
    }

    private static boolean ended(ObjectNode call) {
        JsonNode status = call.get("status");
        JsonNode endTime = call.get("end_time");
        return CallStatuses.ended(status != null && status.isString() ? status.asString() : null,
                endTime != null && endTime.isString());
    }

    private static String describe(ObjectNode call) {
        JsonNode status = call.get("status");
        JsonNode progress = call.get("progress");
        return (status == null || !status.isString() ? "(no status)" : status.asString())
                + (progress != null && progress.isString() ? " (" + progress.asString() + ")" : "");
    }
}
