/**
 * The Jackyun (吉客云) connector: its definition ({@code META-INF/yunqiao/connectors/jackyun.yaml}, whose
 * declarative {@code signed-params} auth computes the gateway's MD5 sign) and (in {@code sandbox}) a simulator of the
 * vendor's gateway.
 */
package io.yunqiao.connectors.jackyun;
