package dev.restfault.client;

import dev.restfault.client.retry.RetryDecision;
import dev.restfault.client.retry.RetryListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a client told its listener. */
final class RecordingListener implements RetryListener {

    record Event(String kind, RequestContext request, Integer status, RestfaultException failure, RetryDecision decision) {
    }

    final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void onAttempt(RequestContext request) {
        events.add(new Event("attempt", request, null, null, null));
    }

    @Override
    public void onSuccess(RequestContext request, int status, Duration duration) {
        events.add(new Event("success", request, status, null, null));
    }

    @Override
    public void onFailure(RequestContext request, RestfaultException failure, RetryDecision decision, Duration duration) {
        events.add(new Event("failure", request, null, failure, decision));
    }

    List<String> kinds() {
        return events.stream().map(Event::kind).toList();
    }

    List<RetryDecision> decisions() {
        return events.stream().filter(e -> e.decision() != null).map(Event::decision).toList();
    }
}
