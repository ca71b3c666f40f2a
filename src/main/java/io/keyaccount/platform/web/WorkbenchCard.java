package io.keyaccount.platform.web;

/**
 * A card on the workbench contributed by a module: a Thymeleaf fragment ({@code "customer/workbench :: card"})
 * rendered with the usual model.
 */
public record WorkbenchCard(String fragment, int order) {
}
