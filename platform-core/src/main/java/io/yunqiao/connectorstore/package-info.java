/**
 * Connector definitions stored in the platform (保存在平台中的连接器定义): created, changed, versioned, exported and
 * imported through the REST API and the designer, and in effect at once in the one {@link
 * io.yunqiao.connector.ConnectorRegistry}. Entry point: {@link io.yunqiao.connectorstore.StoredConnectors}.
 */
package io.yunqiao.connectorstore;
