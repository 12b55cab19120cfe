import Foundation

/// Writes Fashion-MNIST images as a folder of PNGs in torchvision's `ImageFolder` layout (one subfolder per
/// class), so that the own-images path can be tried, tested and taught without a camera.
public enum FashionMNISTExport {
    /// A class name as a folder name: "T-shirt/top" → "T-shirt-top" (a slash would make two folders).
    public static func folderName(_ className: String) -> String {
        className.replacingOccurrences(of: "/", with: "-")
    }

    /// The first `perClass` images of each class of `data` as `directory/<class>/<split>-<index>.png`, 28×28 grey.
    /// `directory` must be new or empty: nothing is overwritten. Returns the number of files written.
    public static func write(_ data: FashionMNIST, perClass: Int, to directory: String,
                             progress: (Int, Int) -> Void = { _, _ in }) throws -> Int {
        let fm = FileManager.default
        if ImageFolderLayout.isDirectory(directory) {
            let inside = (try? fm.contentsOfDirectory(atPath: directory)) ?? []
            guard inside.isEmpty else {
                throw DatasetError.malformed(path: directory, message: "exists and is not empty; expected a new or empty folder (nothing is overwritten)")
            }
        } else if fm.fileExists(atPath: directory) {
            throw DatasetError.malformed(path: directory, message: "is a file; expected a new or empty folder")
        }
        var chosen: [[Int]] = Array(repeating: [], count: FashionMNIST.classNames.count)
        for (i, label) in data.labels.enumerated() where chosen[label].count < perClass { chosen[label].append(i) }
        let total = chosen.reduce(0) { $0 + $1.count }
        var written = 0
        for (label, indices) in chosen.enumerated() {
            let folder = (directory as NSString).appendingPathComponent(folderName(FashionMNIST.classNames[label]))
            do { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw DatasetError.unreadable(path: folder, reason: "cannot create the folder")
            }
            for i in indices {
                let name = String(format: "%@-%05d.png", data.split.rawValue, i)
                try ImageFile.save(data.image(at: i), to: (folder as NSString).appendingPathComponent(name))
                written += 1
                if written % 100 == 0 || written == total { progress(written, total) }
            }
        }
        return written
    }
}
