package org.ovsqos.daemon.admin;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.epoll.EpollDomainSocketChannel;

/**
 * Each accepted admin connection: who is on the other end (SO_PEERCRED), whether the
 * {@link ConnectionQuota} has room for them, then an {@link AdminConnection} to serve them or a
 * one-line refusal. Runs on the admin socket's event loop, the only thread that touches the
 * quota and the refusal log.
 */
final class AdminAcceptor extends ChannelInitializer<EpollDomainSocketChannel> {
    private final AdminServerOptions options;
    private final AdminDispatcher dispatcher;
    private final AdminJson json;
    private final ConnectionQuota quota;
    private final RefusalLog refusals;

    AdminAcceptor(AdminServerOptions options, AdminDispatcher dispatcher, AdminJson json, UserNames names) {
        this.options = options;
        this.dispatcher = dispatcher;
        this.json = json;
        this.quota = new ConnectionQuota(options.maxConnections(), options.maxConnectionsPerUser(), options.reservedForRoot());
        this.refusals = new RefusalLog(names);
    }

    @Override
    protected void initChannel(EpollDomainSocketChannel channel) {
        PeerCredentials peer = PeerCredentials.of(channel);
        ConnectionQuota.Verdict verdict = quota.admit(peer);
        if (verdict != ConnectionQuota.Verdict.ADMITTED) {
            refusals.refused(peer, verdict, quota, System.nanoTime());
            String error = verdict == ConnectionQuota.Verdict.USER_FULL
                    ? "too many admin connections from uid " + peer.uid() + " (at most "
                            + options.maxConnectionsPerUser() + " per user); try again"
                    : "too many admin connections; try again";
            // Best effort, never waited for: what the kernel takes now is all the client gets, and
            // it sees the connection close either way.
            channel.writeAndFlush(Unpooled.wrappedBuffer(json.line(AdminJson.failure(error))));
            channel.close();
            return;
        }
        channel.closeFuture().addListener(closed -> quota.release(peer));
        channel.pipeline().addLast(new AdminConnection(options, dispatcher, json, peer));
    }
}
