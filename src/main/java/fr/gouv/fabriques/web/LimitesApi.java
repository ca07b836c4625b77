package fr.gouv.fabriques.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the API's JSON bodies ({@code fabriques.api.*}). A deposit is a few kilobytes and a
 * committee's decisions for a whole wave some tens: 256 KB leaves room while no client makes the
 * server parse megabytes. Multipart uploads have their own limits ({@code fabriques.pieces.*}).
 */
@ConfigurationProperties(prefix = "fabriques.api")
record LimitesApi(@DefaultValue("256KB") DataSize tailleMaxJson) {
}
