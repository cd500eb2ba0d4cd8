package com.example.shop.localcloud.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonEnvironmentTest {

    @TempDir
    Path project;

    @Test
    void find_root_when_no_property_is_set_walks_up_to_the_directory_holding_the_requirements() throws IOException {
        writeRequirements(project);
        Path module = Files.createDirectories(project.resolve("local-cloud/src"));

        assertThat(PythonEnvironment.findRoot(null, module)).isEqualTo(project);
    }

    @Test
    void find_root_when_the_property_is_set_trusts_it() {
        assertThat(PythonEnvironment.findRoot("/somewhere/else", project)).isEqualTo(Path.of("/somewhere/else"));
    }

    @Test
    void find_root_when_maven_left_the_property_unresolved_walks_up_instead() throws IOException {
        writeRequirements(project);

        assertThat(PythonEnvironment.findRoot("${shop.root}", project)).isEqualTo(project);
    }

    @Test
    void find_root_outside_the_project_says_how_to_point_at_it() {
        assertThatThrownBy(() -> PythonEnvironment.findRoot(" ", project))
                .hasMessageContaining("infra/local/requirements.txt")
                .hasMessageContaining("-Dshop.root=");
    }

    @Test
    void layout_keeps_everything_under_dot_local_cloud() throws IOException {
        writeRequirements(project);

        PythonEnvironment python = PythonEnvironment.at(project);

        assertThat(python.venv()).isEqualTo(project.resolve(".local-cloud/venv"));
        assertThat(python.requirements()).isEqualTo(project.resolve("infra/local/requirements.txt"));
    }

    @Test
    void ensure_ready_without_python3_fails_with_one_clear_message() throws IOException {
        writeRequirements(project);
        PythonEnvironment python = PythonEnvironment.at(project, "no-such-python3-on-this-machine");

        assertThatThrownBy(python::ensureReady)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Python 3 with venv is required for the local cloud: install python3 and"
                        + " python3-venv");
        assertThat(python.venv()).doesNotExist();
    }

    @Test
    void sha256_is_the_hex_digest_that_lint_sh_writes_too() {
        // `printf 'moto\n' | sha256sum`: the stamp must read the same from Java and from lint.sh
        assertThat(PythonEnvironment.sha256("moto\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo("4c44d12803dc000be864391293042266d4d2afed60cda1005d59bd16664a8fcb");
    }

    private static void writeRequirements(Path root) throws IOException {
        Files.createDirectories(root.resolve("infra/local"));
        Files.writeString(root.resolve("infra/local/requirements.txt"), "moto[server]==5.2.5\n");
    }
}
