package io.keyaccount.customer.search;

import org.hibernate.search.mapper.pojo.bridge.RoutingBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.RoutingBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.RoutingBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.RoutingBridgeRouteContext;
import org.hibernate.search.mapper.pojo.route.DocumentRoutes;

import io.keyaccount.platform.persistence.BusinessEntity;

/** A record moved to the recycle bin leaves the index; restored, it comes back. */
class LiveRecords implements RoutingBinder {

	@Override
	public void bind(RoutingBindingContext context) {
		context.dependencies().use("deletedAt");
		context.bridge(BusinessEntity.class, new Bridge());
	}

	private static final class Bridge implements RoutingBridge<BusinessEntity> {

		@Override
		public void route(DocumentRoutes routes, Object entityIdentifier, BusinessEntity entity,
				RoutingBridgeRouteContext context) {
			if (entity.isDeleted()) {
				routes.notIndexed();
			}
			else {
				routes.addRoute();
			}
		}

		@Override
		public void previousRoutes(DocumentRoutes routes, Object entityIdentifier, BusinessEntity entity,
				RoutingBridgeRouteContext context) {
			routes.addRoute();
		}

	}

}
