package dev.restfault.client.testing;

import dev.restfault.client.RequestContext;
import dev.restfault.client.RestfaultException;
import dev.restfault.client.retry.RetryDecision;
import dev.restfault.client.retry.RetryListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a client told its listener. */
public final class RecordingListener implements RetryListener {

    public record Event(String kind, RequestContext request, Integer status, RestfaultException failure, RetryDecision decision) {
    }

    public final List<Event> events = new CopyOnWriteArrayList<>();

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

    public List<String> kinds() {
        return events.stream().map(Event::kind).toList();
    }

    public List<RetryDecision> decisions() {
        return events.stream().filter(e -> e.decision() != null).map(Event::decision).toList();
    }
}
