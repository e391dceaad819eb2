package io.cryptobot.app.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.cryptobot.app.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Headers every answer carries, and those of user data. */
@QuarkusTest
class SecurityHeadersTest {

    private static void assertHardened(Response response) {
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void user_data_is_never_cached_sniffed_framed_or_allowed_to_load_anything() {
        Response me = given().header("Authorization", TestUsers.create("trader").bearer()).get("/api/me");

        me.then().statusCode(200);
        assertHardened(me);
        assertThat(me.header("Cache-Control")).isEqualTo("no-store");
        assertThat(me.header("Content-Security-Policy")).startsWith("default-src 'none'");
    }

    @Test
    void error_answers_carry_the_same_headers() {
        Response refused = given().get("/api/me");

        refused.then().statusCode(401).contentType("application/problem+json");
        assertHardened(refused);
        assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void swagger_ui_may_load_its_own_scripts_styles_and_images_but_nothing_from_elsewhere() {
        Response page = given().get("/q/swagger-ui/");

        page.then().statusCode(200);
        assertHardened(page);
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("default-src 'self'").doesNotContain("*").doesNotContain("http");
        // every script and style the page names is served from this origin, and is there
        Matcher assets = Pattern.compile("(?:src|href)=\"([^\"]+\\.(?:js|css))\"").matcher(page.asString());
        int found = 0;
        while (assets.find()) {
            String asset = assets.group(1);
            assertThat(asset).doesNotStartWith("http").doesNotStartWith("//");
            String path = asset.startsWith("/") ? asset : "/q/swagger-ui/" + asset.replaceFirst("^\\./", "");
            given().get(path).then().statusCode(200);
            found++;
        }
        assertThat(found).isPositive();
        given().get("/q/openapi").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
    }
}
