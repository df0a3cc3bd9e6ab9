package org.ovsqos.ovsdb.netty;

import io.netty.channel.Channel;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The Netty transport that carries connections: Netty's native epoll one where its classes are on
 * the class path and its JNI library loads (Linux, with {@code netty-transport-native-epoll}),
 * else the JDK's NIO, which needs nothing. Both connect over unix, tcp and ssl alike.
 *
 * <p>Why prefer epoll when it is there: a NIO unix socket brings the JDK's {@code
 * UnixDomainSockets}, whose set-up creates a {@code SecureRandom} and with it the security
 * providers, and NIO's selectors; together about 150 classes that a process already carrying
 * Netty's epoll transport (as the ovs-qos daemon does for its own admin socket) need not load.
 *
 * <p>The system property {@value #PROPERTY} set to {@code nio} keeps to NIO regardless (the
 * tests run the connection suite over both).
 */
abstract class Transport {
    static final String PROPERTY = "org.ovsqos.ovsdb.transport";

    private static final Transport CHOSEN = choose(System.getProperty(PROPERTY, "auto"));

    /** The transport of every connection this process opens. */
    static Transport chosen() {
        return CHOSEN;
    }

    abstract String name();

    abstract IoHandlerFactory ioHandlerFactory();

    abstract Channel newUnixChannel();

    abstract Channel newTcpChannel();

    abstract SocketAddress unixAddress(Path path);

    static Transport choose(String property) {
        if (property.toLowerCase(Locale.ROOT).equals("nio")) {
            return Nio.INSTANCE;
        }
        return epollClassesPresent() && EpollTransport.available() ? new EpollTransport() : Nio.INSTANCE;
    }

    /** Without the classes, {@link EpollTransport} must not even be loaded. */
    private static boolean epollClassesPresent() {
        try {
            Class.forName("io.netty.channel.epoll.Epoll", false, Transport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /** The JDK's NIO: always there. */
    static final class Nio extends Transport {
        static final Nio INSTANCE = new Nio();

        @Override
        String name() {
            return "nio";
        }

        @Override
        IoHandlerFactory ioHandlerFactory() {
            return NioIoHandler.newFactory();
        }

        @Override
        Channel newUnixChannel() {
            return new NioDomainSocketChannel();
        }

        @Override
        Channel newTcpChannel() {
            return new NioSocketChannel();
        }

        @Override
        SocketAddress unixAddress(Path path) {
            return UnixDomainSocketAddress.of(path);
        }
    }
}
