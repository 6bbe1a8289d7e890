package com.example.callstatus;

import ai.voxworks.client.VoxworksClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A Spring Boot application that reads calls through the Voxworks client. */
@SpringBootApplication
public class CallStatusApplication {

    public static void main(String[] args) {
        SpringApplication.run(CallStatusApplication.class, args);
    }

    /** One client for the application, closed with it. */
    @Bean(destroyMethod = "close")
    VoxworksClient voxworksClient(@Value("${voxworks.api-key}") String apiKey,
                                  @Value("${voxworks.base-url:" + VoxworksClient.DEFAULT_BASE_URL + "}") String baseUrl) {
        return VoxworksClient.builder().apiKey(apiKey).baseUrl(baseUrl).maxRetries(0).build();
    }
}
