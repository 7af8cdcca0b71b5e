/// The categories of the kind catalog. Colours follow AWS's architecture-icon palette
/// (2023), so a diagram reads like the ones AWS users already know.
package enum KindCategory: String, CaseIterable, Sendable, Hashable {
    case external
    case network
    case security
    case loadBalancing = "load-balancing"
    case api
    case compute
    case integration
    case analytics
    case data
    case storage
    case operations
    case generic

    package var title: String {
        switch self {
        case .external: "External"
        case .network: "Networking"
        case .security: "Security"
        case .loadBalancing: "Load balancing"
        case .api: "API"
        case .compute: "Compute"
        case .integration: "Application integration"
        case .analytics: "Analytics and streaming"
        case .data: "Data"
        case .storage: "Storage"
        case .operations: "Operations"
        case .generic: "Generic"
        }
    }

    /// Fill colour of a node of this category (AWS category colour).
    package var color: String {
        switch self {
        case .external: "#232F3E"
        case .network: "#8C4FFF"
        case .security: "#DD344C"
        case .loadBalancing: "#8C4FFF"
        case .api: "#E7157B"
        case .compute: "#ED7100"
        case .integration: "#E7157B"
        case .analytics: "#8C4FFF"
        case .data: "#C925D1"
        case .storage: "#7AA116"
        case .operations: "#E7157B"
        case .generic: "#7D8998"
        }
    }

    /// Text colour that stays readable on `color`.
    package var textColor: String { "#FFFFFF" }

    /// The tier used to rank nodes left to right: edge, load balancers, services, data.
    package var tier: Int {
        switch self {
        case .external: 0
        case .security, .network: 1
        case .api, .loadBalancing: 2
        case .compute, .integration, .generic: 3
        case .data, .storage, .analytics, .operations: 4
        }
    }
}
