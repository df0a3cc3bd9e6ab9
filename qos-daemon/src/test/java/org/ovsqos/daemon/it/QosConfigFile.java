package org.ovsqos.daemon.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A config file with compressed timings, so a whole escalation takes seconds: a 1 s interval,
 * 2 s triggers, penalties of seconds, and a 100 Mbit/s base so the expected columns are easy to
 * read (base 100000 kbps / 10000 kb, tier 1 90000 / 9000, tier 2 80000 / 8000). The usage and
 * rate fractions are the seed's defaults, written out. Immutable; a "with" returns a new file.
 */
record QosConfigFile(double baseMbit, double intervalSec, double stage1TriggerSec, double stage1PenaltySec,
        double stage2TriggerSec, double stage2PenaltySec, List<String> regexes, List<String> excludes,
        Optional<String> metricsListen) {

    static final String GUESTS = "^kvm[0-9]+\\..*$";

    QosConfigFile {
        regexes = List.copyOf(regexes);
        excludes = List.copyOf(excludes);
        Objects.requireNonNull(metricsListen, "metricsListen");
    }

    /** Tier 2 is reachable: the 8 s tier-1 penalty outlasts a 2 s trigger plus sampling. */
    static QosConfigFile compressed() {
        return new QosConfigFile(100, 1, 2, 8, 2, 4, List.of(GUESTS), List.of(), Optional.empty());
    }

    QosConfigFile withBaseMbit(double mbit) {
        return new QosConfigFile(mbit, intervalSec, stage1TriggerSec, stage1PenaltySec, stage2TriggerSec,
                stage2PenaltySec, regexes, excludes, metricsListen);
    }

    /** A long interval isolates what rides on OVSDB events from what a tick would do anyway. */
    QosConfigFile withIntervalSec(double seconds) {
        return new QosConfigFile(baseMbit, seconds, stage1TriggerSec, stage1PenaltySec, stage2TriggerSec,
                stage2PenaltySec, regexes, excludes, metricsListen);
    }

    QosConfigFile withPenalties(double stage1Sec, double stage2Sec) {
        return new QosConfigFile(baseMbit, intervalSec, stage1TriggerSec, stage1Sec, stage2TriggerSec, stage2Sec,
                regexes, excludes, metricsListen);
    }

    QosConfigFile withExcludes(String... patterns) {
        return new QosConfigFile(baseMbit, intervalSec, stage1TriggerSec, stage1PenaltySec, stage2TriggerSec,
                stage2PenaltySec, regexes, List.of(patterns), metricsListen);
    }

    /** {@code metrics_listen}, e.g. {@code 127.0.0.1:0} for a port the kernel picks. */
    QosConfigFile withMetricsListen(String hostPort) {
        return new QosConfigFile(baseMbit, intervalSec, stage1TriggerSec, stage1PenaltySec, stage2TriggerSec,
                stage2PenaltySec, regexes, excludes, Optional.of(hostPort));
    }

    String json() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("base_rate_mbit", baseMbit);
        regexes.forEach(o.putArray("iface_name_regexes")::add);
        excludes.forEach(o.putArray("exclude_regexes")::add);
        o.put("sample_interval_sec", intervalSec);
        o.put("stage1_usage_fraction", 0.9);
        o.put("stage1_trigger_seconds", stage1TriggerSec);
        o.put("stage1_rate_fraction", 0.9);
        o.put("stage1_penalty_seconds", stage1PenaltySec);
        o.put("stage2_usage_fraction", 0.8);
        o.put("stage2_trigger_seconds", stage2TriggerSec);
        o.put("stage2_rate_fraction", 0.8);
        o.put("stage2_penalty_seconds", stage2PenaltySec);
        metricsListen.ifPresent(l -> o.put("metrics_listen", l));
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes (or rewrites, for a reload) the file. */
    Path writeTo(Path file) {
        try {
            Files.writeString(file, json());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
