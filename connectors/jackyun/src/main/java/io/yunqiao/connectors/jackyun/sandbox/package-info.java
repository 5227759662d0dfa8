/**
 * A simulator of the Jackyun (吉客云) open-platform gateway, written from the vendor protocol (not from the
 * connector's code): it verifies the MD5 sign, the app key, the timestamp and the subscription of every call, stores
 * the customers written through {@code crm.customer.add} and pages them back through {@code crm.customer.list}.
 * See {@link io.yunqiao.connectors.jackyun.sandbox.JackyunSandbox} for its settings and admin endpoints.
 */
package io.yunqiao.connectors.jackyun.sandbox;
