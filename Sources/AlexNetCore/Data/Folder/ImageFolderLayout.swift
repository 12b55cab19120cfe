import Foundation

/// One class folder tree as torchvision's `ImageFolder` sees it: class names are the subfolder names,
/// sorted by code point (Python's `sorted`), labels their indices; each class's files are found by a walk
/// of its folder (subfolders in sorted path order, files sorted within each), and a file is a sample when its
/// extension is an image's (case-insensitive), as torchvision's `IMG_EXTENSIONS`. Nothing here is written.
public struct ImageFolderLayout: Sendable, Equatable {
    public struct Sample: Sendable, Equatable {
        public var path: String
        public var label: Int
    }

    public var root: String
    public var classNames: [String]
    /// In class order, then walk order: torchvision's `samples`.
    public var samples: [Sample]
    /// Files left out because their extension is not an image's (hidden files are not counted).
    public var ignoredFiles: [String]

    /// torchvision's extensions. BMP, TIFF and WebP are listed so that such a file is reported as one this
    /// program cannot decode, instead of silently dropped.
    public static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "ppm", "pgm", "bmp", "tif", "tiff", "webp"]
    static let readable = "JPEG, PNG, PPM or PGM"
    /// Folders nested deeper than this inside a class are refused (a symbolic link loop would never end).
    static let maximumDepth = 32

    /// Python's `sorted` on strings: by Unicode code point.
    static func codePointOrder(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    /// Subdirectories of `path` (following symbolic links, as `entry.is_dir()`), sorted by code point.
    static func subdirectories(of path: String) throws(DatasetError) -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw .unreadable(path: path, reason: "cannot list the folder")
        }
        return names.filter { isDirectory((path as NSString).appendingPathComponent($0)) }.sorted(by: codePointOrder)
    }

    static func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }

    /// Scans `root`. Refuses a folder without class subfolders, with fewer than `minimumClasses` (a validation
    /// folder may hold a single class), or with a class that holds no image files, in one line naming it.
    public static func scan(_ root: String, minimumClasses: Int = 2) throws(DatasetError) -> ImageFolderLayout {
        guard isDirectory(root) else { throw .missingDirectory(path: root, hint: nil) }
        let classes = try subdirectories(of: root)
        guard !classes.isEmpty else {
            throw .malformed(path: root, message: "has no class folders; expected one subfolder of \(readable) images per class "
                + "(or Fashion-MNIST's IDX files)")
        }
        var samples: [Sample] = [], ignored: [String] = []
        for (label, name) in classes.enumerated() {
            let before = samples.count
            var folders: [(path: String, files: [String])] = []
            try walk((root as NSString).appendingPathComponent(name), depth: 0, into: &folders)
            // sorted(os.walk(...)) orders whole folder paths: "a/b" before "a/b c" before "a/b/c".
            for folder in folders.sorted(by: { codePointOrder($0.path, $1.path) }) {
                for file in folder.files.sorted(by: codePointOrder) {
                    let path = (folder.path as NSString).appendingPathComponent(file)
                    if imageExtensions.contains((file as NSString).pathExtension.lowercased()) {
                        samples.append(Sample(path: path, label: label))
                    } else {
                        ignored.append(path)
                    }
                }
            }
            if samples.count == before {
                throw .malformed(path: (root as NSString).appendingPathComponent(name),
                                 message: "class \"\(name)\" has no image files; expected \(readable) files in it")
            }
        }
        guard classes.count >= minimumClasses else {
            throw .malformed(path: root, message: "has only one class folder (\(classes[0])); expected at least 2 classes to tell apart")
        }
        return ImageFolderLayout(root: root, classNames: classes, samples: samples, ignoredFiles: ignored)
    }

    /// `os.walk(followlinks=True)`: every folder under `directory` with its file names (hidden files left out:
    /// macOS's `._name.jpg` companions are not images).
    private static func walk(_ directory: String, depth: Int, into folders: inout [(path: String, files: [String])]) throws(DatasetError) {
        guard depth <= maximumDepth else {
            throw .malformed(path: directory, message: "folders nested more than \(maximumDepth) deep (a symbolic link loop?)")
        }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw .unreadable(path: directory, reason: "cannot list the folder")
        }
        var files: [String] = [], subfolders: [String] = []
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            if isDirectory(path) { subfolders.append(path) } else if !name.hasPrefix(".") { files.append(name) }
        }
        folders.append((directory, files))
        for folder in subfolders { try walk(folder, depth: depth + 1, into: &folders) }
    }
}
