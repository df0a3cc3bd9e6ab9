package org.ovsqos.ovsdb.netty;

import io.netty.channel.Channel;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;

/**
 * Netty's native epoll transport. Its own class, loaded only once {@link Transport} has seen
 * Netty's epoll classes on the class path: a library user without them never touches it.
 */
final class EpollTransport extends Transport {

    static boolean available() {
        return Epoll.isAvailable();
    }

    @Override
    String name() {
        return "epoll";
    }

    @Override
    IoHandlerFactory ioHandlerFactory() {
        return EpollIoHandler.newFactory();
    }

    @Override
    Channel newUnixChannel() {
        return new EpollDomainSocketChannel();
    }

    @Override
    Channel newTcpChannel() {
        return new EpollSocketChannel();
    }

    @Override
    SocketAddress unixAddress(Path path) {
        return new DomainSocketAddress(path.toString());
    }
}
