package fr.gouv.fabriques.banc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Durations per operation, from any thread; percentiles at the end. A fresh instance per measured phase. */
final class Chronos {

    private final Map<String, ConcurrentLinkedQueue<Long>> durees = new ConcurrentHashMap<>();
    private final List<String> ordre = new java.util.concurrent.CopyOnWriteArrayList<>();

    void noter(String operation, long nanos) {
        durees.computeIfAbsent(operation, o -> {
            ordre.add(o);
            return new ConcurrentLinkedQueue<>();
        }).add(nanos);
    }

    /** Adds another chronometer's times to this one's (two slices of the same work). */
    void verser(Chronos autre) {
        for (String o : autre.operations()) {
            for (Long d : autre.durees.get(o)) {
                noter(o, d);
            }
        }
    }

    /** Operations in the order they were first seen. */
    List<String> operations() {
        return List.copyOf(ordre);
    }

    int nombre(String operation) {
        return durees.getOrDefault(operation, new ConcurrentLinkedQueue<>()).size();
    }

    /** The p-th percentile (nearest rank) in milliseconds, or NaN if the operation never ran. */
    double percentile(String operation, double p) {
        List<Long> l = new ArrayList<>(durees.getOrDefault(operation, new ConcurrentLinkedQueue<>()));
        if (l.isEmpty()) {
            return Double.NaN;
        }
        l.sort(null);
        int rang = (int) Math.ceil(p / 100.0 * l.size());
        return l.get(Math.max(0, rang - 1)) / 1e6;
    }

    /** Per operation, in order: its count, p50 and p95 in milliseconds (the results file's form). */
    Map<String, Object> resume() {
        Map<String, Object> r = new java.util.LinkedHashMap<>();
        for (String o : operations()) {
            r.put(o, Map.of("nombre", nombre(o), "p50_ms", percentile(o, 50), "p95_ms", percentile(o, 95)));
        }
        return r;
    }
}
