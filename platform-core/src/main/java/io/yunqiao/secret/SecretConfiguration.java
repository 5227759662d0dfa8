package io.yunqiao.secret;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The secrets key from configuration; see {@link SecretKeySource} for the order of sources. */
@Configuration(proxyBeanMethods = false)
class SecretConfiguration {

    @Bean
    SecretBox secretBox(@Value("${yunqiao.secrets.key:}") String key,
            @Value("${yunqiao.secrets.key-file:}") String keyFile,
            @Value("${yunqiao.secrets.generate-missing:false}") boolean generateMissing) {
        return new SecretBox(SecretKeySource.load(key, keyFile.isBlank() ? null : Path.of(keyFile), generateMissing));
    }
}
