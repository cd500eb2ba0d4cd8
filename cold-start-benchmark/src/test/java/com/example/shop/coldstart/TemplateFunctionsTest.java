package com.example.shop.coldstart;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateFunctionsTest {

    @Test
    void every_function_of_the_shop_template_is_found_with_its_service_zip() throws Exception {
        Path template = Path.of("..", "infra", "template.yaml").toAbsolutePath().normalize();

        Map<String, Path> zips = TemplateFunctions.codeUris(template);

        assertThat(zips).containsKey("PlaceOrderFunction").hasSizeGreaterThanOrEqualTo(28);
        assertThat(zips.get("PlaceOrderFunction"))
                .isEqualTo(template.getParent().resolve("../order-service/target/order-service-lambda.zip").normalize());
        assertThat(zips.values()).allSatisfy(zip -> assertThat(zip.toString()).endsWith("-lambda.zip"));
    }
}
