package io.switchboard.inventory;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class InventoryTestApplication {}
