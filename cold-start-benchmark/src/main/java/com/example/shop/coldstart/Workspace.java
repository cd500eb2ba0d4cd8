package com.example.shop.coldstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.example.shop.coldstart.floor.HelloWorldHandler;
import com.example.shop.coldstart.floor.SdkFloor;
import com.example.shop.coldstart.floor.SdkFloorHandler;
import com.example.shop.coldstart.floor.SdkFloorHttpHandler;
import com.example.shop.coldstart.floor.SdkFloorSqsHandler;
import com.example.shop.coldstart.floor.SdkFloorStreamHandler;
import com.example.shop.coldstart.probe.Probe;

/**
 * The files the measured JVMs run from: each zip extracted as Lambda extracts it into
 * {@code /var/task}, the hello-world floor's task root (one class), one SDK floor task root per
 * service (one class plus the service's own {@code lib/}), and the runtime's class path: the probe
 * and the jars the managed Java runtime ships.
 */
final class Workspace {

    private final Path dir;

    Workspace(Path dir) throws IOException {
        this.dir = dir;
        if (Files.exists(dir)) {
            deleteRecursively(dir);
        }
        Files.createDirectories(dir);
    }

    Path dir() {
        return dir;
    }

    /** The zip extracted once per service; Lambda's task root. */
    Path taskRoot(Path zip) throws IOException {
        Path root = dir.resolve("task").resolve(zip.getFileName().toString().replace(".zip", ""));
        if (!Files.exists(root)) {
            Files.createDirectories(root);
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    Path target = root.resolve(e.getName()).normalize();
                    if (!target.startsWith(root)) {
                        throw new IOException("zip entry outside the task root: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(in, target);
                    }
                }
            }
        }
        return root;
    }

    /** The jars in a task root's lib/, in the lexical order the runtime's class loader uses. */
    static List<Path> libJars(Path taskRoot) throws IOException {
        Path lib = taskRoot.resolve("lib");
        if (!Files.isDirectory(lib)) {
            return List.of();
        }
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.filter(p -> p.toString().endsWith(".jar")).sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    /** A task root holding only the hello-world handler. */
    Path helloTaskRoot() throws IOException {
        Path root = dir.resolve("task").resolve("hello-world");
        if (!Files.exists(root)) {
            copyClass(HelloWorldHandler.class, root);
        }
        return root;
    }

    /** A task root with the SDK floor handlers and the service's own lib/ jars. */
    Path sdkFloorTaskRoot(Path serviceTaskRoot) throws IOException {
        Path root = dir.resolve("task").resolve(serviceTaskRoot.getFileName() + "-sdk-floor");
        if (!Files.exists(root)) {
            for (Class<?> floor : List.of(SdkFloor.class, SdkFloorHandler.class, SdkFloorHttpHandler.class,
                    SdkFloorSqsHandler.class, SdkFloorStreamHandler.class)) {
                copyClass(floor, root);
            }
            Files.createSymbolicLink(root.resolve("lib"), serviceTaskRoot.resolve("lib"));
        }
        return root;
    }

    /** What the managed runtime's JVM has on its class path: the probe plus the runtime's own jars. */
    List<Path> runtimeClasspath() throws IOException {
        Path probeJar = dir.resolve("runtime").resolve("cold-start-probe.jar");
        if (!Files.exists(probeJar)) {
            Files.createDirectories(probeJar.getParent());
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(probeJar))) {
                Path classes = codeSource(Probe.class);
                String pkg = Probe.class.getPackageName().replace('.', '/');
                try (Stream<Path> files = Files.list(classes.resolve(pkg))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                        out.putNextEntry(new ZipEntry(pkg + "/" + file.getFileName()));
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                }
            }
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(probeJar);
        classpath.add(codeSource(com.amazonaws.services.lambda.runtime.RequestHandler.class));
        classpath.add(codeSource(com.amazonaws.services.lambda.runtime.api.client.AWSLambda.class));
        classpath.add(codeSource(com.amazonaws.services.lambda.runtime.serialization.PojoSerializer.class));
        return classpath;
    }

    private static void copyClass(Class<?> type, Path root) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        Path target = root.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource);
             OutputStream out = Files.newOutputStream(target)) {
            if (in == null) {
                throw new IOException("class file not found: " + resource);
            }
            in.transferTo(out);
        }
    }

    /** The jar or classes folder a class was loaded from. */
    static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("no code source for " + type.getName(), e);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
