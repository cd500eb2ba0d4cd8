package com.example.shop.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * CPU time and resident memory of the emulator, read from the operating system. The emulator is
 * every process this JVM started (the local cloud starts it as a child, whichever backend it is:
 * moto, MiniStack), so nothing here needs to know which one runs. CPU comes from
 * {@link ProcessHandle.Info#totalCpuDuration()}; resident memory from {@code /proc/<pid>/status}
 * (Linux; elsewhere it reads as unknown, -1).
 */
record ProcessStats(Duration cpu, long rssKb) {

    /** The emulator's processes: every live descendant of this JVM. */
    static ProcessStats emulator() {
        List<ProcessHandle> processes = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        return of(processes);
    }

    /** This JVM: the local cloud's runtime, its HTTP API and the handlers it runs in-process. */
    static ProcessStats localCloudJvm() {
        return of(List.of(ProcessHandle.current()));
    }

    private static ProcessStats of(List<ProcessHandle> processes) {
        Duration cpu = Duration.ZERO;
        long rss = 0;
        for (ProcessHandle p : processes) {
            cpu = cpu.plus(p.info().totalCpuDuration().orElse(Duration.ZERO));
            long kb = rssKb(p.pid());
            rss = kb < 0 || rss < 0 ? -1 : rss + kb;
        }
        return new ProcessStats(cpu, rss);
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        } catch (IOException | RuntimeException unknown) {
            return -1;
        }
    }

    /** CPU spent since {@code before}, in seconds. */
    double cpuSecondsSince(ProcessStats before) {
        return cpu.minus(before.cpu).toNanos() / 1e9;
    }
}
