// Starts an embedded Neo4j 5.26 Community DBMS serving Bolt on 127.0.0.1, for local runs and tests.
// Configured by system properties (set by src/localdb/): home, port, pagecache, tx memory, tx timeout,
// auth. Prints "READY <port>" once Bolt listens; SIGTERM shuts the DBMS down cleanly.
// With og.exitWhenReady=true it runs one Cypher statement and stops at once: the run that records the
// classes a start loads into a class-data archive (-XX:ArchiveClassesAtExit, src/localdb/fetch.ts), which
// later starts map instead of loading and verifying each class again.

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

public final class Launcher {
    private Launcher() {}

    private static String prop(String name, String fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(prop("og.home", ".neo4j/home")).toAbsolutePath();
        String host = prop("og.host", "127.0.0.1");
        int port = Integer.parseInt(prop("og.port", "7687"));
        long pageCacheMb = Long.parseLong(prop("og.pagecacheMb", "256"));
        long txMemoryMb = Long.parseLong(prop("og.txMemoryMb", "512"));
        long txTimeoutMs = Long.parseLong(prop("og.txTimeoutMs", "60000"));
        String password = System.getenv("NEO4J_PASSWORD");
        boolean auth = password != null && !password.isEmpty();
        Files.createDirectories(home);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(txMemoryMb))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMillis(txTimeoutMs))
                // Timed-out transactions are found by a monitor; check often so timeouts are precise.
                .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(200))
                .setConfig(GraphDatabaseSettings.forbid_exhaustive_shortestpath, true)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bolt's Netty defaults wait ~10 s on shutdown; a local dev server can stop at once.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STOPPING");
            dbms.shutdown();
            System.out.println("STOPPED");
            stopped.countDown();
        }, "neo4j-shutdown"));

        if (auth) {
            GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            try {
                system.executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED",
                        java.util.Map.of("pw", password));
            } catch (org.neo4j.graphdb.QueryExecutionException e) {
                // Already this password (a restart): nothing to change.
                if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
            }
        }
        if (Boolean.parseBoolean(prop("og.exitWhenReady", "false"))) {
            // the query path's classes too (parser, planner, runtime), then a clean stop and the archive written at exit
            dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("UNWIND range(1, 3) AS x RETURN sum(x) AS s");
            System.out.println("READY " + port);
            System.exit(0);
        }
        System.out.println("READY " + port);
        System.out.flush();
        stopped.await();
    }
}
