package io.cryptobot.app.platform;

import io.cryptobot.kernel.adapter.out.worker.AppThreads;
import io.quarkus.runtime.LaunchMode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Prepares what must exist before Quarkus reads its runtime configuration: the database and the JWT signing
 * keys. Runs in {@link PlatformMain} (dev mode and the packaged jar) and in the test resource.
 *
 * <ul>
 *   <li>Database: with {@code CRYPTOBOT_DB_URL} ({@code postgresql://user[:password]@host:port/db}) or the
 *   Quarkus datasource URLs set, that database is used. Otherwise an embedded PostgreSQL is started on a
 *   free loopback port, with its data in {@code <data-dir>/pgdata}, which survives restarts.</li>
 *   <li>Signing keys: with {@code mp.jwt.verify.publickey.location} set, those keys are used. Otherwise an
 *   RSA key pair is generated once into {@code <data-dir>/keys} (the private key readable by the owner only).</li>
 *   <li>The key sealing venue credentials: {@code cryptobot.secrets.key} (base64) or
 *   {@code cryptobot.secrets.key-file}; otherwise 32 random bytes are generated once into
 *   {@code <data-dir>/keys/secrets.key} (owner only).</li>
 * </ul>
 * PostgreSQL refuses to run as root; the embedded binaries then start it inside a user namespace
 * ({@code unshare -U}), where it runs as an unprivileged user, so nothing has to be set up by hand.
 */
public final class PlatformBootstrap {
    public static final String SECRETS_KEY = "cryptobot.secrets.key";
    public static final String SECRETS_KEY_FILE = "cryptobot.secrets.key-file";
    public static final String DATA_DIR = "cryptobot.data-dir";
    public static final String DB_URL = "cryptobot.db.url";
    public static final String EMBEDDED_DB = "cryptobot.db.embedded";
    private static final Logger LOG = Logger.getLogger(PlatformBootstrap.class.getName());
    private static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    private static final String PUBLIC_KEY = "mp.jwt.verify.publickey.location";
    /** Windows has no POSIX permissions; there the files rely on the data directory being the user's own. */
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** Kept so the server outlives this call; stopped by its shutdown hook when the JVM exits. */
    private static volatile EmbeddedPostgres embedded;
    /** Held for the life of the process; never released by hand (the OS does it at exit). */
    @SuppressWarnings("unused")
    private static FileLock instanceLock;
    private static Path lockedDirectory;
    private static volatile Path embeddedData;
    private static volatile Optional<ProcessHandle> postmaster = Optional.empty();
    private static volatile String embeddedDown;
    private static long downSince;
    private static int restartAttempts;

    private PlatformBootstrap() {
    }

    /** Looks a setting up the way Quarkus does for these sources: system property, then environment variable. */
    public static Optional<String> systemSetting(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /**
     * {@code cryptobot.data-dir}, else {@code ~/.cryptobot}; dev mode defaults to {@code ~/.cryptobot-dev}, so that
     * hacking on the code never shares a database with the installation {@code bin/start} runs.
     */
    public static Path dataDirectory(Function<String, Optional<String>> settings) {
        String fallback = devMode() ? ".cryptobot-dev" : ".cryptobot";
        return settings.apply(DATA_DIR).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), fallback))
                .toAbsolutePath();
    }

    /**
     * Dev mode. {@link LaunchMode#current()} is still NORMAL when dev mode calls {@link PlatformMain}, so the
     * dev-mode runner's jar ({@code <module>-dev.jar}, Quarkus's naming) on the class path tells it apart.
     */
    static boolean devMode() {
        return LaunchMode.current() == LaunchMode.DEVELOPMENT
                || System.getProperty("java.class.path", "").endsWith("-dev.jar");
    }

    /**
     * Claims the data directory for this process: one instance per directory, since two would run two
     * PostgreSQL servers (or worse, one would stop the other's as an orphan) and share keys and the import spool.
     * The lock ({@code <data-dir>/instance.lock}, an OS file lock) is released by the OS when the process ends,
     * however it ends, so a kill -9 leaves nothing stale; the embedded PostgreSQL does not inherit it. A second
     * claim from this JVM (a dev-mode restart) finds it already held here and succeeds.
     *
     * @throws StartRefused when another process holds the directory
     */
    public static synchronized void lockDataDirectory(Path dataDir) {
        if (dataDir.equals(lockedDirectory)) {
            return;
        }
        Path lockFile = dataDir.resolve("instance.lock");
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldByThisJvm) {
                channel.close();
                lockedDirectory = dataDir;
                return;
            }
            if (lock == null) {
                channel.close();
                throw new StartRefused("Another cryptobot instance is already running on the data directory "
                        + dataDir + " (bin/start and dev mode each use their own). Stop it first, or give this one"
                        + " another directory: CRYPTOBOT_DATA_DIR=/some/other/dir bin/start");
            }
            instanceLock = lock;
            lockedDirectory = dataDir;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock the data directory " + dataDir, e);
        }
    }

    /** A start that must not go ahead, for a reason the operator can act on; the message says what to do. */
    public static final class StartRefused extends RuntimeException {
        public StartRefused(String message) {
            super(message, null, false, false);
        }
    }

    /** Returns the configuration properties that point Quarkus at the prepared database and keys. */
    public static synchronized Map<String, String> prepare(Function<String, Optional<String>> settings) {
        Map<String, String> properties = new LinkedHashMap<>();
        Path dataDir = dataDirectory(settings);
        lockDataDirectory(dataDir);
        properties.put(DATA_DIR, dataDir.toString());
        Optional<String> dbUrl = settings.apply(DB_URL);
        if (dbUrl.isPresent()) {
            properties.putAll(datasource(URI.create(dbUrl.get())));
        } else if (settings.apply(REACTIVE_URL).isEmpty()
                && !"false".equalsIgnoreCase(settings.apply(EMBEDDED_DB).orElse("true"))) {
            properties.putAll(startEmbedded(dataDir.resolve("pgdata")));
        }
        if (settings.apply(PUBLIC_KEY).isEmpty()) {
            properties.putAll(signingKeys(dataDir.resolve("keys")));
        }
        if (settings.apply(SECRETS_KEY).isEmpty() && settings.apply(SECRETS_KEY_FILE).isEmpty()) {
            properties.put(SECRETS_KEY_FILE, secretsKey(dataDir.resolve("keys")).toString());
        }
        return properties;
    }

    static Map<String, String> datasource(URI uri) {
        String userInfo = Optional.ofNullable(uri.getUserInfo()).orElse("postgres");
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String hostPortDb = uri.getHost() + ":" + port + uri.getPath();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(REACTIVE_URL, "postgresql://" + hostPortDb);
        properties.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPortDb);
        properties.put("quarkus.datasource.username", user);
        if (colon >= 0) {
            properties.put("quarkus.datasource.password", userInfo.substring(colon + 1));
        }
        return properties;
    }

    private static Map<String, String> startEmbedded(Path pgData) {
        if (embedded == null) {
            try {
                Files.createDirectories(pgData);
                stopOrphanedServer(pgData);
                long started = System.nanoTime();
                embedded = startServer(pgData, 0);
                embeddedData = pgData;
                postmaster = postmasterOf(pgData);
                LOG.info(() -> "Embedded PostgreSQL started on 127.0.0.1:" + embedded.getPort() + " with data in "
                        + pgData + " (" + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms)");
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, e);
            }
        }
        return datasource(URI.create("postgresql://postgres@127.0.0.1:" + embedded.getPort() + "/postgres"));
    }

    private static EmbeddedPostgres startServer(Path pgData, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                // The embedded defaults trade durability for speed; this is the system of record.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                // trading tables grow by thousands of rows a minute: keep the planner's statistics current
                .setServerConfig("autovacuum_naptime", "10s")
                .setPGStartupWait(Duration.ofSeconds(60));
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /** The running postmaster named by the data directory's pid file, if any. */
    private static Optional<ProcessHandle> postmasterOf(Path pgData) {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).getFirst()
                    .trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Why the embedded PostgreSQL is not serving, while it is not (it is being restarted). */
    public static Optional<String> embeddedProblem() {
        return Optional.ofNullable(embeddedDown);
    }

    /**
     * Restarts the embedded PostgreSQL, on the same port and data directory, if its postmaster has died. A failed
     * attempt (the dead server's backends still hold its shared memory, say) is retried at the next call; the
     * first failure is logged, later ones only when the reason changes. Never once the JVM is stopping: the server's
     * own shutdown hook stops it then, and a server started meanwhile would outlive the process, holding the data
     * directory (seen: a normal stop that took a minute restarted it, and it was left running).
     */
    public static synchronized void superviseEmbedded() {
        EmbeddedPostgres server = embedded;
        if (server == null || postmaster.map(ProcessHandle::isAlive).orElse(false) || jvmStopping()) {
            return;
        }
        Path pgData = embeddedData;
        int port = server.getPort();
        if (embeddedDown == null) {
            downSince = System.nanoTime();
            restartAttempts = 0;
            embeddedDown = "the embedded PostgreSQL on port " + port + " has stopped; restarting it";
            LOG.warning(() -> "Embedded PostgreSQL (" + postmaster.map(p -> "pid " + p.pid()).orElse("no pid")
                    + ") is not running; restarting it on 127.0.0.1:" + port);
        }
        restartAttempts++;
        try {
            // not closed: its pg_ctl stop would fail loudly on a dead server. Its lock on epg-lock (and that of a
            // failed start) is held inside this JVM on the file's inode; a fresh file is a fresh lock
            Files.deleteIfExists(pgData.resolve("epg-lock"));
            embedded = startServer(pgData, port);
            postmaster = postmasterOf(pgData);
            embeddedDown = null;
            int attempts = restartAttempts;
            LOG.info(() -> "Embedded PostgreSQL restarted on 127.0.0.1:" + port + " after "
                    + Duration.ofNanos(System.nanoTime() - downSince).toMillis() + " ms (" + attempts
                    + " attempt(s))");
        } catch (IOException | RuntimeException e) {
            String reason = "the embedded PostgreSQL on port " + port + " has stopped; restart attempt "
                    + restartAttempts + " failed: " + e.getMessage();
            if (restartAttempts == 1 || restartAttempts % 30 == 0) {
                LOG.warning(reason);
            }
            embeddedDown = reason;
        }
    }

    /** Whether this JVM has begun to stop (its shutdown hooks are running): hooks can no longer be added then. */
    static boolean jvmStopping() {
        Thread probe = AppThreads.factory(Thread.ofPlatform()).newThread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
        } catch (IllegalStateException stopping) {
            return true;
        }
        Runtime.getRuntime().removeShutdownHook(probe);
        return false;
    }

    /**
     * After a hard kill of the application (kill -9) its PostgreSQL child outlives it and still holds the data
     * directory. Such a server, recognised by its pid file and its command line naming this directory, is
     * shut down cleanly (SIGTERM = smart shutdown) before a new one starts. Called only while this process holds
     * the data directory's lock ({@link #lockDataDirectory}), so such a server cannot belong to a live instance.
     */
    private static void stopOrphanedServer(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        } catch (RuntimeException e) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(p -> p.info().commandLine().map(c -> c.contains(pgData.toString())).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warning(() -> "Stopping PostgreSQL " + pid + " left running on " + pgData + " by an earlier run");
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("PostgreSQL " + pid + " still holds " + pgData, e);
        }
    }

    private static Map<String, String> signingKeys(Path keyDir) {
        Path privateKey = keyDir.resolve("jwt-private.pem");
        Path publicKey = keyDir.resolve("jwt-public.pem");
        try {
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                Files.createDirectories(keyDir);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                writePem(publicKey, "PUBLIC KEY", pair.getPublic().getEncoded());
                writePem(privateKey, "PRIVATE KEY", pair.getPrivate().getEncoded());
                if (POSIX) {
                    Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
                }
                LOG.info(() -> "Generated a JWT signing key pair in " + keyDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the JWT signing keys in " + keyDir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(PUBLIC_KEY, publicKey.toUri().toString(),
                "smallrye.jwt.sign.key.location", privateKey.toUri().toString());
    }

    /** The AES-256 key sealing venue credentials: 32 random bytes, base64, generated once, owner-only. */
    private static Path secretsKey(Path keyDir) {
        Path file = keyDir.resolve("secrets.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(keyDir);
                byte[] key = new byte[32];
                new java.security.SecureRandom().nextBytes(key);
                Path temporary = POSIX ? Files.createTempFile(keyDir, "secrets", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                        : Files.createTempFile(keyDir, "secrets", ".tmp");
                Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n");
                Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                LOG.info(() -> "Generated the key that seals venue credentials in " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the secrets key in " + keyDir, e);
        }
        return file;
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }
}
