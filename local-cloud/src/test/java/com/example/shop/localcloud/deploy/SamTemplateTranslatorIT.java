package com.example.shop.localcloud.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.shop.localcloud.emulator.PythonEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamTemplateTranslatorIT {

    private final PythonEnvironment python = PythonEnvironment.locate();
    private final SamTemplateTranslator translator = new SamTemplateTranslator(python);

    @Test
    void translates_the_fixture_exactly_as_captured_for_the_unit_tests() {
        JsonNode translated = translator.translate(fixtureTemplate(), Map.of());

        // if this fails after a translator upgrade, re-capture with infra/local/translate.py
        assertThat(translated).isEqualTo(LocalTemplateTest.fixture());
    }

    @Test
    void an_invalid_template_fails_with_the_translators_reason(@TempDir Path dir) throws IOException {
        Path template = Files.writeString(dir.resolve("bad.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Broken:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java25
                      Handler: a.B
                """);

        assertThatThrownBy(() -> translator.translate(template, Map.of()))
                .isInstanceOf(LocalDeployException.class)
                .hasMessageContaining("Resource with id [Broken] is invalid");
    }

    static Path fixtureTemplate() {
        return PythonEnvironment.locate().root().resolve("local-cloud/src/test/resources/fixture-template.yaml");
    }
}
