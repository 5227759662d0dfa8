/**
 * The Jackyun (吉客云) connector: its definition ({@code META-INF/yunqiao/connectors/jackyun.yaml}), the
 * {@code jackyun-md5} request signing, and (in {@code sandbox}) a simulator of the vendor's gateway.
 */
package io.yunqiao.connectors.jackyun;
