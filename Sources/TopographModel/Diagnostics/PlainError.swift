import Foundation

/// Any error as one line a user can act on: `PATH: reason in plain words` for the file
/// system's errors (Foundation's own text is `The operation could not be completed.
/// (NSCocoaErrorDomain error 516.)`), the error's own description otherwise.
package enum PlainError {
    package static func describe(_ error: Error) -> String {
        if let cocoa = error as? CocoaError {
            let path = cocoa.filePath ?? cocoa.url?.path ?? (cocoa.userInfo[NSFilePathErrorKey] as? String)
            let reason = underlyingReason(cocoa.userInfo[NSUnderlyingErrorKey]) ?? reason(for: cocoa.code)
            return path.map { "\($0): \(reason)" } ?? reason
        }
        if let posix = error as? POSIXError {
            return String(cString: strerror(posix.code.rawValue))
        }
        let bridged = error as NSError
        if bridged.domain == NSPOSIXErrorDomain {
            let reason = String(cString: strerror(Int32(bridged.code)))
            return (bridged.userInfo[NSFilePathErrorKey] as? String).map { "\($0): \(reason)" } ?? reason
        }
        return String(describing: error)
    }

    /// Only the reason, for a message that names the path itself.
    package static func reason(_ error: Error) -> String {
        if let cocoa = error as? CocoaError {
            return underlyingReason(cocoa.userInfo[NSUnderlyingErrorKey]) ?? reason(for: cocoa.code)
        }
        let bridged = error as NSError
        if bridged.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(bridged.code))) }
        return describe(error)
    }

    private static func underlyingReason(_ value: Any?) -> String? {
        guard let underlying = value as? NSError, underlying.domain == NSPOSIXErrorDomain else { return nil }
        return String(cString: strerror(Int32(underlying.code)))
    }

    private static func reason(for code: CocoaError.Code) -> String {
        switch code {
        case .fileNoSuchFile, .fileReadNoSuchFile: "no such file or directory"
        case .fileWriteFileExists: "already exists"
        case .fileReadNoPermission, .fileWriteNoPermission: "permission denied"
        case .fileWriteOutOfSpace: "no space left on the device"
        case .fileWriteVolumeReadOnly: "the file system is read-only"
        case .fileReadInvalidFileName, .fileWriteInvalidFileName: "not a valid file name (too long, or a character the file system refuses)"
        case .fileReadTooLarge: "too large to read"
        case .fileReadCorruptFile, .fileReadInapplicableStringEncoding: "cannot be read as text"
        case .fileLocking: "is locked"
        case .fileWriteUnknown: "cannot be written"
        case .fileReadUnknown: "cannot be read"
        default: "cannot be read or written (Foundation error \(code.rawValue))"
        }
    }
}
