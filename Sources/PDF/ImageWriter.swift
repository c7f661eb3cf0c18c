import DossierCore
import Typesetting

/// Image XObjects: JPEG embedded as is (`/DCTDecode`), PNG decoded and re-compressed with an `/SMask` for alpha.
enum ImageWriter {
    /// Writes `image`; returns its object number, or nil (with a diagnostic) when it cannot be used.
    static func write(_ image: ImageResource, into file: inout PDFFile, diagnostics: inout [Diagnostic]) -> Int? {
        switch image.info.format {
        case .jpeg:
            let colorSpace: String
            switch image.info.components {
            case 1: colorSpace = "/DeviceGray"
            case 4: colorSpace = "/DeviceCMYK"
            default: colorSpace = "/DeviceRGB"
            }
            let object = file.allocate()
            file.setStream(object, dictionary: "/Type/XObject/Subtype/Image/Width \(image.info.pixelWidth)/Height "
                           + "\(image.info.pixelHeight)/ColorSpace\(colorSpace)/BitsPerComponent 8/Filter/DCTDecode",
                           data: image.data, compress: false)
            return object
        case .png:
            switch PNGDecoder.decode(image.data) {
            case .failure(let failure):
                let reason: String
                switch failure {
                case .malformed(let r): reason = "is malformed (\(r))"
                case .unsupported(let r): reason = "uses an unsupported feature (\(r))"
                }
                diagnostics.append(.warning("PDF010", "image '\(image.source)' \(reason); it is left out"))
                return nil
            case .success(let png):
                var mask: Int?
                if let alpha = png.alpha {
                    let m = file.allocate()
                    file.setStream(m, dictionary: "/Type/XObject/Subtype/Image/Width \(png.width)/Height \(png.height)"
                                   + "/ColorSpace/DeviceGray/BitsPerComponent 8", data: alpha, compress: true)
                    mask = m
                }
                let object = file.allocate()
                let colorSpace = png.components == 1 ? "/DeviceGray" : "/DeviceRGB"
                file.setStream(object, dictionary: "/Type/XObject/Subtype/Image/Width \(png.width)/Height \(png.height)"
                               + "/ColorSpace\(colorSpace)/BitsPerComponent 8" + (mask.map { "/SMask \($0) 0 R" } ?? ""),
                               data: png.samples, compress: true)
                return object
            }
        }
    }
}
