package fr.gouv.fabriques;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FabriquesApplication {
    public static void main(String[] args) {
        SpringApplication.run(FabriquesApplication.class, args);
    }
}
