package org.ovsqos.daemon.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request in, one response out: parsing, authorisation, the call into the
 * {@link AdminHandler}, and turning every failure into an error reply. Knows nothing of sockets,
 * so the protocol is tested without one.
 */
final class AdminDispatcher {
    private static final Logger log = LoggerFactory.getLogger(AdminDispatcher.class);

    private final AdminHandler handler;
    private final AdminJson json;
    private final Clock clock;
    private final Duration commandTimeout;
    private final UserNames names;

    AdminDispatcher(AdminHandler handler, AdminJson json, Clock clock, Duration commandTimeout, UserNames names) {
        this.handler = handler;
        this.json = json;
        this.clock = clock;
        this.commandTimeout = commandTimeout;
        this.names = names;
    }

    /**
     * Answers one request. Never throws; the future completes (on another thread for the
     * mutating commands) with the response line, newline included.
     *
     * @param peer who sent it, as the kernel reports it
     */
    CompletableFuture<byte[]> dispatch(byte[] request, PeerCredentials peer) {
        JsonNode node;
        try {
            node = json.parse(request);
        } catch (JsonProcessingException e) {
            return reply(AdminJson.failure("malformed request: " + e.getOriginalMessage()));
        } catch (IOException e) {
            return reply(AdminJson.failure("malformed request: " + e.getMessage()));
        }
        if (node == null || !node.isObject() || !node.path(AdminJson.COMMAND).isTextual()) {
            return reply(AdminJson.failure("a request is a JSON object with a \"command\" string"));
        }
        String name = node.get(AdminJson.COMMAND).asText();
        Optional<AdminCommand> command = AdminCommand.fromWireName(name);
        if (command.isEmpty()) {
            return reply(AdminJson.failure("unknown command \"" + name + "\"; expected one of "
                    + Arrays.stream(AdminCommand.values()).map(AdminCommand::wireName).toList()));
        }
        if (command.get().mutating()) {
            // Named here, on the admin thread, once: the outcome is logged from the engine's, and
            // a user-database lookup is worth it only for the commands that change something.
            String who = peer.describe(names.nameOf(peer));
            if (!Authorization.permits(command.get(), peer)) {
                log.warn("admin command={} denied peer=\"{}\"", name, who);
                return reply(AdminJson.failure(name + " is allowed only for root (peer " + who + ")"));
            }
            return mutate(command.get(), node, who);
        }
        try {
            return reply(AdminJson.success(command.get() == AdminCommand.LIST
                    ? AdminJson.interfaces(handler.list(), clock.instant())
                    : AdminJson.toJson(handler.status(), clock.instant())));
        } catch (RuntimeException e) {
            return reply(internalError(name, e));
        }
    }

    private CompletableFuture<byte[]> mutate(AdminCommand command, JsonNode request, String who) {
        String name = command.wireName();
        String target;
        CompletionStage<String> stage;
        try {
            if (command == AdminCommand.RELEASE) {
                // Any length: OVSDB bounds no name, and the request limit already bounds the request.
                JsonNode iface = request.path(AdminJson.INTERFACE);
                if (!iface.isTextual() || iface.asText().isEmpty()) {
                    return reply(AdminJson.failure("release needs \"interface\": the interface name"));
                }
                target = iface.asText();
                stage = handler.release(target);
            } else {
                target = "-";
                stage = handler.reload();
            }
        } catch (RuntimeException e) {
            return reply(outcome(name, "-", who, null, e));
        }
        return stage.toCompletableFuture()
                .thenApply(message -> message) // a copy: orTimeout must not complete the engine's own future
                .orTimeout(commandTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((message, failure) -> json.line(outcome(name, target, who, message, failure)));
    }

    private ObjectNode outcome(String name, String target, String who, String message, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause == null) {
            log.info("admin command={} iface={} peer=\"{}\" result=ok message=\"{}\"", name, target, who, message);
            return AdminJson.success(AdminJson.message(message == null ? "" : message));
        }
        if (cause instanceof CommandPendingException pending) {
            log.info("admin command={} iface={} peer=\"{}\" result=pending message=\"{}\"",
                    name, target, who, pending.getMessage());
            return AdminJson.pending(pending.getMessage());
        }
        if (cause instanceof AdminCommandException refused) {
            log.info("admin command={} iface={} peer=\"{}\" result=refused error=\"{}\"",
                    name, target, who, refused.getMessage());
            return AdminJson.failure(refused.getMessage());
        }
        if (cause instanceof TimeoutException) {
            log.warn("admin command={} iface={} result=timeout after_ms={}", name, target, commandTimeout.toMillis());
            return AdminJson.failure(name + " did not finish within " + human(commandTimeout)
                    + "; it may still complete, see the daemon's log");
        }
        return internalError(name, cause);
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static ObjectNode internalError(String name, Throwable e) {
        log.warn("admin command={} result=error", name, e);
        return AdminJson.failure("internal error in " + name + ": " + e);
    }

    private CompletableFuture<byte[]> reply(ObjectNode response) {
        return CompletableFuture.completedFuture(json.line(response));
    }
}
