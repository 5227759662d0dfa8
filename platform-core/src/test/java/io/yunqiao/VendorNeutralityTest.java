package io.yunqiao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** platform-core never names a vendor: vendor knowledge belongs in connector modules. */
class VendorNeutralityTest {

    private static final Pattern VENDOR = Pattern.compile("kingdee|jackyun|jdy|金蝶|吉客云|星辰");

    @Test
    void mainSourcesNameNoVendor() throws IOException {
        Path main = Path.of("src/main");
        assertThat(main).isDirectory();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(file -> VENDOR.matcher(read(file).toLowerCase(Locale.ROOT)).find())
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders).as("files of platform-core that name a vendor").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
